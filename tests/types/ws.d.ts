// `ws` (a dependency of the co-editing packages) ships no types; tests and benches only hand its WebSocket
// class to the Hocuspocus provider, which takes any WebSocket implementation.
declare module "ws" {
  const WebSocket: unknown;
  export default WebSocket;
}
