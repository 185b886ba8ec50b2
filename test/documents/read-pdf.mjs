// Reads a PDF outside jest (pdf.js loads its worker by dynamic import, which jest's VM refuses):
// `node read-pdf.mjs <in.pdf> <first-page.png>` prints {text, pages, qr} as JSON. Test-only tools:
// pdf-parse (pdf.js + @napi-rs/canvas) extracts the text and renders page 1; jsqr reads the QR code.
import { readFileSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';

const [input, output] = process.argv.slice(2);
const parser = new PDFParse({ data: new Uint8Array(readFileSync(input)) });
try {
  const text = await parser.getText();
  const shot = await parser.getScreenshot({ first: 1, scale: 2 });
  const png = Buffer.from(shot.pages[0].data);
  writeFileSync(output, png);
  const image = PNG.sync.read(png);
  const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  process.stdout.write(JSON.stringify({ text: text.text, pages: text.total, qr: qr ? qr.data : null }));
} finally {
  await parser.destroy();
}
