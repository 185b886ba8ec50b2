// opencc-js names its traditional → simplified entry in its package.json "exports", which TypeScript's node10
// resolution (the API's and worker's CommonJS build) does not read; Node, jest and Vite do. Same types.
declare module 'opencc-js/t2cn' {
  export * from 'opencc-js';
}
