// The light build (no Redis clustering) that the Octokit plugins bundle; same API as the full one.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
