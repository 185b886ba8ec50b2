import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { create as createQr } from 'qrcode';
import type { DocumentContent, LocalizedName } from '@onetrip/domain';

// Phone-readable: an A6-wide single column (105 mm), pages as long as A6, text at 8–15 pt. Chinese is set in
// Noto Sans Hans (OFL-1.1) from the npm package @embedpdf/fonts-sc; pdfkit embeds only the glyphs a
// document uses, so a notice stays tens of kilobytes although the font file is 8 MB.
const PAGE: [number, number] = [297.64, 419.53];
const MARGIN = 18;
const QR_SIZE = 96;

function fontPath(weight: 'Regular' | 'Bold'): string {
  // The package exports only its script entry; the fonts sit beside it in fonts/.
  const entry = require.resolve('@embedpdf/fonts-sc');
  return path.join(path.dirname(entry), '..', 'fonts', `NotoSansHans-${weight}.otf`);
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () => (fonts ??= { regular: readFileSync(fontPath('Regular')), bold: readFileSync(fontPath('Bold')) });

const both = (name: LocalizedName): string => (name.zh === name.en ? name.zh : `${name.zh} ${name.en}`);

/** Renders a document's signed content to PDF; `verifyUrl` goes into the QR code. */
@Injectable()
export class DocumentPdfRenderer {
  async render(content: DocumentContent, verifyUrl: string): Promise<Buffer> {
    const { regular, bold } = loadFonts();
    const doc = new PDFDocument({
      size: PAGE,
      margin: MARGIN,
      info: { Title: `${content.title.zh} ${content.code}`, Author: 'OneTrip', Subject: both(content.process.name), CreationDate: new Date(content.issuedAt) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    doc.registerFont('zh', regular);
    doc.registerFont('zh-bold', bold);
    const width = PAGE[0] - 2 * MARGIN;

    doc.font('zh').fontSize(8).fillColor('#555').text(both(content.process.name), { width });
    doc.font('zh-bold').fontSize(15).fillColor('black').text(content.title.zh, { width });
    doc.font('zh').fontSize(9).fillColor('#333').text(content.title.en, { width });
    doc.moveDown(0.4);

    // The QR code and what it says, on the first page, so a phone can check the paper at once.
    const top = doc.y;
    const qr = createQr(verifyUrl, { errorCorrectionLevel: 'M' });
    const modules = qr.modules.size;
    const cell = QR_SIZE / (modules + 8); // a quiet zone of 4 modules each side
    doc.rect(MARGIN, top, QR_SIZE, QR_SIZE).fill('white');
    for (let row = 0; row < modules; row++) {
      for (let column = 0; column < modules; column++) {
        if (qr.modules.get(row, column)) doc.rect(MARGIN + (column + 4) * cell, top + (row + 4) * cell, cell, cell);
      }
    }
    doc.fill('black');
    const side = MARGIN + QR_SIZE + 6;
    doc.font('zh').fontSize(8).text('扫码核验 Scan to verify', side, top + 8, { width: width - QR_SIZE - 6 });
    doc.font('zh-bold').fontSize(10).text(content.code, { width: width - QR_SIZE - 6 });
    doc.font('zh').fontSize(7).fillColor('#333').text(verifyUrl, { width: width - QR_SIZE - 6 });
    doc.text(`签发 Issued ${content.issuedAt.slice(0, 10)}`, { width: width - QR_SIZE - 6 });
    doc.text(`密钥 Key ${content.keyId}`, { width: width - QR_SIZE - 6 });
    doc.fillColor('black');
    doc.x = MARGIN;
    doc.y = Math.max(doc.y, top + QR_SIZE) + 6;

    const heading = (text: string) => {
      doc.moveDown(0.5);
      doc.font('zh-bold').fontSize(11).fillColor('black').text(text, MARGIN, doc.y, { width });
    };
    const line = (label: string, value: string) => {
      doc.font('zh').fontSize(8).fillColor('#555').text(label, MARGIN, doc.y, { width });
      doc.font('zh').fontSize(10).fillColor('black').text(value, MARGIN, doc.y, { width });
    };

    heading('企业 Enterprise');
    line('企业名称 Enterprise name', content.enterprise.name ?? '—');
    if (content.enterprise.uscc) line('统一社会信用代码 USCC', content.enterprise.uscc);

    for (const section of content.sections) {
      heading(both(section.department.name));
      doc.font('zh').fontSize(8).fillColor('#555').text(both(section.step), { width });
      for (const entry of section.lines) line(both(entry.label), entry.value);
    }

    if (content.items.length > 0) {
      heading(`第 ${content.version} 轮补正 Correction round ${content.version}`);
      doc.font('zh').fontSize(8).fillColor('#333').text('以下事项一次告知，请一并补正。Everything to correct, in one notice.', { width });
      content.items.forEach((item, index) => {
        doc.moveDown(0.3);
        doc.font('zh-bold').fontSize(9).fillColor('black').text(`${index + 1}. ${both(item.fieldLabel)}`, { width });
        line(both(item.department.name), item.reason);
      });
    }

    if (content.fees) {
      heading('费用 Fees');
      for (const fee of content.fees.lines) line(`${both(fee.name)}`, `¥${fee.amount} · ${both(fee.payerName)}`);
      doc.moveDown(0.3);
      doc.font('zh-bold').fontSize(11).fillColor('black').text(`申请人支付 Paid by the applicant: ¥${content.fees.applicantTotal}`, { width });
      doc.font('zh').fontSize(8).text(`由政府、法定免费或银行承担 Borne by others: ¥${content.fees.borneByOthers}`, { width });
    }

    if (content.delivery) {
      heading('领取 Delivery');
      line(content.delivery.name ? both(content.delivery.name) : content.delivery.method ?? '—', `跑动次数 Trips: ${content.delivery.tripsRequired ?? '—'}`);
    }

    doc.end();
    await ended;
    return Buffer.concat(chunks);
  }
}
