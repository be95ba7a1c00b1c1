import type { Locale } from './locales';

/** Row labels of the data tables articles embed, per language; units are formatted with the value. */
export type LambdaLimitKey =
  | 'timeoutSeconds'
  | 'memoryMb'
  | 'maxVcpu'
  | 'ephemeralStorageMb'
  | 'syncPayloadMb'
  | 'asyncPayloadMb'
  | 'streamedResponseMb'
  | 'zipPackageMb'
  | 'unzippedPackageMb'
  | 'containerImageGb'
  | 'concurrency'
  | 'scalingPer10Seconds';

export const lambdaLimitLabels: Record<Locale, Record<LambdaLimitKey, string>> = {
  en: {
    timeoutSeconds: 'Maximum run time per invocation (standard functions)',
    memoryMb: 'Memory',
    maxVcpu: 'vCPU (in proportion to memory)',
    ephemeralStorageMb: 'Ephemeral storage (/tmp)',
    syncPayloadMb: 'Synchronous request and response payload',
    asyncPayloadMb: 'Asynchronous invocation payload',
    streamedResponseMb: 'Streamed response',
    zipPackageMb: 'Deployment package (.zip, direct upload)',
    unzippedPackageMb: 'Unzipped package, with layers',
    containerImageGb: 'Container image',
    concurrency: 'Concurrent executions per Region (default quota; new accounts start lower)',
    scalingPer10Seconds: 'Scaling rate per function',
  },
  zh: {
    timeoutSeconds: '单次调用最长运行时间（标准函数）',
    memoryMb: '内存',
    maxVcpu: 'vCPU（与内存成比例）',
    ephemeralStorageMb: '临时存储（/tmp）',
    syncPayloadMb: '同步请求与响应的有效负载',
    asyncPayloadMb: '异步调用的有效负载',
    streamedResponseMb: '流式响应',
    zipPackageMb: '部署包（.zip，直接上传）',
    unzippedPackageMb: '解压后的代码包（含层）',
    containerImageGb: '容器镜像',
    concurrency: '每个区域的并发执行数（默认配额；新账户起步更低）',
    scalingPer10Seconds: '单个函数的扩展速度',
  },
};

/** Units written after values, per language. */
export const units: Record<
  Locale,
  { seconds: string; per10s: string; environments: string; streamed: (uncapped: string, rate: string) => string }
> = {
  en: {
    seconds: 's',
    per10s: 'every 10 s',
    environments: 'execution environments',
    streamed: (uncapped, rate) => `first ${uncapped} MB uncapped, then ${rate} MB/s; native on Node.js`,
  },
  zh: {
    seconds: '秒',
    per10s: '每 10 秒',
    environments: '个执行环境',
    streamed: (uncapped, rate) => `前 ${uncapped} MB 不限速，之后 ${rate} MB/s；仅 Node.js 原生支持`,
  },
};

/** How the price table writes a rate per unit, per language: "$0.20 per 1M requests" / "每百万次请求 $0.20". */
export const priceUnits: Record<
  Locale,
  {
    perMillionRequests: (p: string) => string;
    perGbSecond: (p: string) => string;
    perVcpuHour: (p: string) => string;
    perGbHour: (p: string) => string;
  }
> = {
  en: {
    perMillionRequests: (p) => `${p} per 1M requests`,
    perGbSecond: (p) => `${p} per GB-second`,
    perVcpuHour: (p) => `${p} per vCPU-hour`,
    perGbHour: (p) => `${p} per GB-hour`,
  },
  zh: {
    perMillionRequests: (p) => `每百万次请求 ${p}`,
    perGbSecond: (p) => `每 GB-秒 ${p}`,
    perVcpuHour: (p) => `每 vCPU-小时 ${p}`,
    perGbHour: (p) => `每 GB-小时 ${p}`,
  },
};
