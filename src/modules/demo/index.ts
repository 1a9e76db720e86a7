export type { DemoOptions } from './demo-context';
export { generateDemoWorkspace } from './generate-demo';
