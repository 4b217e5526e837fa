// One-process local AT Protocol peer for the interop suite: an in-memory did:plc directory and the
// reference PDS (SQLite), both bound to 127.0.0.1 only, with throwaway keys. Based on
// shared/notes/peers/bsky-peer.mjs. Test tooling: never run it facing a network.
// Usage: PLC_PORT=... PDS_PORT=... PDS_DATA_DIRECTORY=... node bsky-peer.mjs  (prints READY when up)
import crypto from 'node:crypto'
import fs from 'node:fs'
import plcPkg from '@did-plc/server'
import { PDS, envToCfg, envToSecrets, readEnv } from '@atproto/pds'

const plcPort = Number(process.env.PLC_PORT || 2582)
const hex = (n) => crypto.randomBytes(n).toString('hex')
const defaults = {
  PDS_HOSTNAME: 'localhost', PDS_PORT: '2583', PDS_DATA_DIRECTORY: './data',
  PDS_JWT_SECRET: hex(16), PDS_DPOP_SECRET: hex(32), PDS_ADMIN_PASSWORD: 'admin-pass',
  PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX: hex(32), PDS_REPO_SIGNING_KEY_K256_PRIVATE_KEY_HEX: hex(32),
  PDS_DID_PLC_URL: `http://127.0.0.1:${plcPort}`, PDS_INVITE_REQUIRED: 'false',
  PDS_DEV_MODE: 'true', PDS_DISABLE_SSRF_PROTECTION: 'true',
}
for (const [k, v] of Object.entries(defaults)) process.env[k] ??= v
process.env.PDS_BLOBSTORE_DISK_LOCATION ??= `${process.env.PDS_DATA_DIRECTORY}/blobs`
fs.mkdirSync(process.env.PDS_BLOBSTORE_DISK_LOCATION, { recursive: true })

const { PlcServer, Database } = plcPkg
const plc = PlcServer.create({ db: Database.mock(), port: plcPort })
const plcHttp = plc.app.listen(plcPort, '127.0.0.1')

const env = readEnv()
env.version ||= '0.5.35'
const pds = await PDS.create(envToCfg(env), envToSecrets(env))
const listen = pds.app.listen.bind(pds.app)
pds.app.listen = (port, ...rest) => listen(port, '127.0.0.1', ...rest) // loopback only
await pds.start()
console.log(`READY plc=http://127.0.0.1:${plcPort} pds=http://127.0.0.1:${env.port}`)
const stop = async () => {
  await pds.destroy()
  plcHttp.close()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
