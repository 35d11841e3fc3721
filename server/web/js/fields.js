/*
 * Metadata fields as a reader sees them: a Vietnamese label for every key
 * the indexer or a collection stores, and source addresses as links.
 * One table for every view (search results, the document page).
 */
import { h, str } from './dom.js';

/** Key → Vietnamese label; keys not listed are internal and not shown. */
export const FIELD_LABELS = {
  // Header fields (the indexer's own).
  issuer: 'Cơ quan ban hành',
  symbol: 'Số/ký hiệu',
  type: 'Loại văn bản',
  date: 'Ngày ban hành',
  subject: 'Trích yếu',
  place: 'Nơi ban hành',
  recipients: 'Kính gửi',
  distribution: 'Nơi nhận',
  signer: 'Người ký',
  // What the indexer read and from where.
  given_title: 'Tiêu đề gốc',
  gazette: 'Số Công báo',
  part_of: 'Thuộc tệp',
  part: 'Phần số',
  consolidated_type: 'Loại văn bản được hợp nhất',
  consolidates: 'Hợp nhất văn bản',
  format: 'Định dạng tệp',
  ocr_pages: 'Trang nhận dạng chữ (OCR)',
  ocr_confidence: 'Độ tin cậy OCR',
  file_title: 'Tiêu đề trong tệp',
  file_author: 'Tác giả trong tệp',
  file_subject: 'Chủ đề trong tệp',
  file_encoding: 'Bảng mã',
  // Fields of imported collections (.jsonl).
  topic: 'Chủ đề',
  category: 'Chuyên mục',
  field: 'Lĩnh vực',
  agency: 'Cơ quan ban hành',
  law: 'Luật',
  article: 'Điều',
  effective_date: 'Ngày hiệu lực',
  status: 'Tình trạng',
  language: 'Ngôn ngữ',
  source: 'Nguồn',
  url: 'Đường dẫn gốc',
  title: 'Tiêu đề',
};

/** The label of metadata `key`, or '' for a key readers need not see. */
export function fieldLabel(key) {
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, key) ? FIELD_LABELS[key] : '';
}

/** Whether `value` is an http(s) address (nothing else becomes a link: no javascript:, data:, file:). */
export function isWebAddress(value) {
  const v = str(value);
  if (!/^https?:\/\//i.test(v)) return false;
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A source address as a link that opens apart from the page, or the text as it is. */
export function linkOrText(value) {
  const v = str(value);
  if (!isWebAddress(v)) return v;
  return h('a', { href: v, class: 'source-link', rel: 'noopener noreferrer', target: '_blank' }, v);
}

/** [label, value] rows of `metadata`'s labelled keys not in `skip`, values as text or links. */
export function fieldRows(metadata, skip = new Set()) {
  const rows = [];
  for (const [key, value] of Object.entries(metadata || {})) {
    const label = fieldLabel(key);
    if (!label || skip.has(key)) continue;
    const text = Array.isArray(value) ? value.map(str).filter(Boolean).join(', ') : str(value);
    if (text) rows.push([label, linkOrText(text)]);
  }
  return rows;
}
