import type { ServerResponse } from 'node:http'

// Stands in for the vote page until it is built (it is served from here, not by Slidev).
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Live poll</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}</style>
</head>
<body>
<h1>Live poll</h1>
<p>The poll server is running. The vote page is not installed in this version of the kit yet.</p>
</body>
</html>
`

/** Serves the placeholder vote page. */
export function servePlaceholderPage(response: ServerResponse): void {
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': 'default-src \'none\'; style-src \'unsafe-inline\'',
  })
  response.end(html)
}
