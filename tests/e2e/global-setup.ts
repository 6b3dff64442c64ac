import { buildServer } from '../../scripts/build-server.js';

/** Once per end-to-end run, before any spec starts a server: the server as `npm start` runs it. */
export default async function globalSetup(): Promise<void> {
  await buildServer();
}
