import type { DecideStrings } from './decide.en';

/** 选型向导的中文措辞。 */
export const decideZh: DecideStrings = {
  questions: {
    runtime: {
      label: '单次最长的工作需要运行多久？',
      options: {
        short: '不超过 15 分钟',
        workflow: '几小时到几天，由多个步骤组成，中间有等待和重试',
        job: '单个作业，最长 90 分钟，异步启动',
        session: '隔离的会话，最长 8 小时（例如运行用户提交的代码）',
        long: '更长，或者要一直运行（服务）',
      },
    },
    connections: {
      label: '需要保持连接吗？',
      options: {
        none: '不需要：请求—响应模式',
        websocket: '通过 API Gateway 使用 WebSocket',
        persistent: '需要：由服务端长期保持的连接（gRPC 流、TCP、SSE）',
      },
    },
    size: {
      label: '代码加依赖有多大？',
      options: { small: '解压后不超过 250 MB', image: '不超过 10 GB 的容器镜像', huge: '超过 10 GB' },
    },
    traffic: {
      label: '流量是什么样的？',
      options: {
        spiky: '忽高忽低、难以预测，经常空闲',
        'steady-low': '稳定但不大',
        'steady-high': '稳定且很大，全天不断',
      },
    },
    gpu: { label: '需要 GPU 吗？', options: { no: '不需要', yes: '需要' } },
    startup: {
      label: '空闲一段时间后，第一个响应要多快？',
      options: { instant: '始终要快，第一个请求也一样', seconds: '一两秒可以接受', relaxed: '几分钟也行（批处理）' },
    },
    team: {
      label: '团队的容器经验如何？',
      options: { new: '很少或没有', some: '有一些', expert: '很丰富：我们现在就在运行容器' },
    },
  },
  reasons: {
    gpu: 'Lambda 和 Fargate 都不提供 GPU。GPU 工作负载应运行在使用 EC2 实例的 Amazon ECS 或 EKS 上（或 ECS Managed Instances）。',
    'runtime-long':
      '标准 Lambda 函数单次调用最多运行 15 分钟，也没有哪种 Lambda 方案能长期运行服务；Fargate 任务则一直运行到完成为止。',
    'runtime-short': '能在 15 分钟内完成的工作，符合标准 Lambda 函数单次调用的限制。',
    'runtime-workflow':
      '持久函数（durable functions）为每个步骤设置检查点，等待结束后重放执行，一次执行最长可达一年，而每次调用仍不超过 15 分钟，等待期间不产生计算费用。',
    'runtime-job':
      '在 Lambda 托管实例上，异步调用最长可运行 90 分钟。它按 EC2 价格加 15% 管理费计费，并且始终保持 3 个实例运行；作业很少时，每个作业启动一个 Fargate 任务更便宜。',
    'runtime-session':
      'Lambda MicroVM 可以把一台隔离、有状态的虚拟机保留最长 8 小时，运行期间按秒计费（目前只有第三方数据给出费率）。会话需要更长时间时，可以改用 Fargate 任务。',
    persistent: '由你自己的服务端保持的长连接需要一个持续运行的进程，也就是 Fargate 任务。',
    websocket: 'API Gateway 会替你保持 WebSocket 连接，每条消息再调用一次 Lambda。',
    'size-huge': 'Lambda 容器镜像最大 10 GB；Fargate 每个任务最多有 200 GiB 存储。',
    'size-small': '体积小的代码包可以直接部署到 Lambda，不必构建和存放镜像。',
    spiky: 'Lambda 空闲时不花钱，并按请求横向扩展，适合突发流量。',
    'steady-low': '流量不大时，按请求付费通常比让任务一直运行更便宜。',
    'steady-high': '流量超过成本盈亏平衡点后，常驻的 Fargate 任务比按请求计费更便宜（入口费用已计入）。',
    'steady-high-managed':
      '应对稳定的大流量，另一个选择是 Lambda 托管实例：同样的 Lambda 代码按 EC2 价格计费，没有冷启动，但至少要运行 3 个实例。',
    instant: '正在运行的任务没有冷启动。在 Lambda 上，预置并发或 SnapStart 可以缩小差距，但要额外付费。',
    'team-new': 'Lambda 对团队的要求最低：不用管理镜像、集群或任务定义。',
    'team-expert': '已经在构建和运行容器的团队，用 Fargate 上手最快。',
    both: '让 Lambda 响应事件，把长时间运行或需要保持连接的部分交给 Fargate 任务。',
    tie: '两边都没有决定性因素：先从更简单的 Lambda 开始，再核算成本。',
  },
  verdicts: {
    lambda: 'AWS Lambda',
    fargate: 'AWS Fargate',
    both: '两者结合：Lambda 处理事件，Fargate 运行长时间任务',
    neither: '都不合适：请使用基于 EC2 的 Amazon ECS 或 EKS',
    durable: 'Lambda 持久函数',
    managed: 'Lambda 托管实例',
    microvm: 'Lambda MicroVM',
  },
  alternatives: (names) => `也值得算一算：${names}。`,
  calculator: '在计算器中估算这个工作负载',
  sep: '、',
};
