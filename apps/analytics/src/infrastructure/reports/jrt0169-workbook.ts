import type ExcelJS from 'exceljs';
import { Jrt0169Row, JRT0169_HEADER } from '../../domain/jrt0169-table';

export const JRT0169_SHEET = 'JR-T 0169';

/**
 * exceljs is loaded at the first report asked for, not at boot: it is about 30 MB of memory that
 * the service would otherwise hold for a report produced a few times a month.
 */
async function workbook(period: string, rows: readonly Jrt0169Row[]): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'complaints analytics';
  const sheet = book.addWorksheet(JRT0169_SHEET);
  sheet.addRow(JRT0169_HEADER);
  for (const r of rows) sheet.addRow([r.channel, r.product, r.productLabel, r.reason, r.reasonLabel, r.count]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 2 || i === 4 ? 36 : 18));
  book.title = `JR/T 0169 ${period}`;
  return book;
}

/** The table as an Excel workbook (one sheet, a header row, then one row per channel x category x cause). */
export async function jrt0169Xlsx(period: string, rows: readonly Jrt0169Row[]): Promise<Buffer> {
  return Buffer.from(await (await workbook(period, rows)).xlsx.writeBuffer());
}

/** The same table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese labels). */
export async function jrt0169Csv(period: string, rows: readonly Jrt0169Row[]): Promise<Buffer> {
  const csv = Buffer.from(await (await workbook(period, rows)).csv.writeBuffer());
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), csv]);
}
