/**
 * Command-line options of `npm run bench`.
 */

export interface BenchOptions {
  /** Numbers of generated articles, one benchmark per size. */
  sizes: number[];
  /** Cold builds per size; undefined means the default (3 up to 100 articles, else 1). */
  runs?: number | undefined;
  seed: number;
  /** Keep the temporary copies (to inspect dist/ or profile further). */
  keep: boolean;
  /** When set, one extra cold build per size runs under `node --cpu-prof`, writing here. */
  profileDir?: string | undefined;
  /** The project to benchmark; another checkout (e.g. a branch) to compare before and after. */
  root?: string | undefined;
  help: boolean;
}

export const DEFAULT_SIZES = [100, 1000, 5000];
export const DEFAULT_SEED = 20_260_101;

export const USAGE = `Usage: npm run bench -- [options]

  --n <list>        article counts, e.g. --n 10000 or --n 100,1000 (default ${DEFAULT_SIZES.join(',')})
  --runs <k>        cold builds per size, median reported (default 3 for N <= 100, else 1)
  --seed <number>   seed of the synthetic corpus (default ${DEFAULT_SEED})
  --profile <dir>   also run one cold build per size under node --cpu-prof, profiles into <dir>
  --root <dir>      benchmark another checkout of the site (default: this one)
  --keep            keep the temporary copies of the site
  --help            show this help`;

/** Cold builds for a size: the requested count, or 3 for small sizes where one run is noisy. */
export function runsFor(size: number, requested: number | undefined): number {
  return requested ?? (size <= 100 ? 3 : 1);
}

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number((value ?? '').replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, got "${value ?? ''}"`);
  return n;
}

/** Parses argv (without node and the script); throws with a readable message on bad input. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { sizes: DEFAULT_SIZES, seed: DEFAULT_SEED, keep: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--n': {
        const list = value() ?? '';
        // "10,000" would be ambiguous in a list, so sizes are separated by commas and written plainly.
        options.sizes = list.split(',').map((part) => positiveInt('--n', part));
        break;
      }
      case '--runs':
        options.runs = positiveInt('--runs', value());
        break;
      case '--seed':
        options.seed = positiveInt('--seed', value());
        break;
      case '--profile': {
        const dir = value();
        if (!dir) throw new Error('--profile needs a directory');
        options.profileDir = dir;
        break;
      }
      case '--root': {
        const dir = value();
        if (!dir) throw new Error('--root needs a directory');
        options.root = dir;
        break;
      }
      case '--keep':
        options.keep = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`Unknown option "${arg}"\n\n${USAGE}`);
    }
  }
  return options;
}
