export { type DemoOptions, generateDemoWorkspace } from './generate-demo';
