// The poll server's flags as its --help prints them, apart from the parsing: `npm start
// -- --help` prints them too, and npm start imports nothing heavy before Slidev is running.
import { DEFAULT_POLL_PORT } from '../../poll/joinLinks'

export const POLL_SERVER_FLAGS = `  --host HOST          interface to listen on (default: all, so phones on the LAN
                       can reach it; 127.0.0.1 keeps it on this computer)   [POLL_HOST]
  --port PORT          TCP port (default: ${DEFAULT_POLL_PORT})                              [POLL_PORT]
  --data-dir DIR       where polls.sqlite and the presenter token live
                       (default: .poll-data/ in the kit, git-ignored)        [POLL_DATA_DIR]
  --allow-origin URL   a deck origin allowed to connect and to fetch the
                       presenter token, e.g. https://decks.example.com;
                       repeat or comma-separate (Slidev on localhost is
                       always allowed)                                [POLL_ALLOWED_ORIGINS]
  --session NAME       workshop session to create or resume (default: resume the
                       one started in the last 12 hours, else start one named
                       after today's date)                                  [POLL_SESSION]
  --scenarios DIR      scenario library (default: scenarios/)             [POLL_SCENARIOS]
  --public-url URL     base URL phones use when it is not this computer's
                       LAN address (a DNS name, a reverse proxy)          [POLL_PUBLIC_URL]
  --trust-proxy IP     the address of a reverse proxy or tunnel in front of this
                       server (e.g. 127.0.0.1 for a local tunnel); its
                       X-Forwarded-For header then tells phones apart. Repeat
                       or comma-separate; never trusted otherwise   [POLL_TRUST_PROXY]
  --show-token         print the presenter token, for a deck on another computer
  --heartbeat-ms MS    ping interval; a phone silent for two is dropped
                       (default: 30000)                                [POLL_HEARTBEAT_MS]
  -h, --help           show this help`
