// The preview: the register's first sections and rows drawn as sheets of paper, from the same
// document model the PDF and the workbook are made of (so titles, columns and captions match).
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type Block, type Cell, type GridBlock, type RegisterDoc, type Section, type TableBlock, withDecimals } from '../../../shared/reports/model';

function TablePreview({ b }: { b: TableBlock }) {
  const n = b.columns.length;
  const captions = new Map<number, string[]>();
  for (const c of b.captions ?? []) captions.set(c.before, [...(captions.get(c.before) ?? []), c.text]);
  const nowrap = b.columns.map((c) => (c.wrap ?? (c.kind ?? 'text') === 'text') === false);
  // As the PDF prints it: scores with their fixed decimals.
  const shown = (v: Cell, i: number) => String(withDecimals(v, b.columns[i]?.decimals) ?? '');
  const align = (i: number) => `${b.columns[i]?.kind === 'number' ? 'num' : b.columns[i]?.kind === 'center' || b.columns[i]?.kind === 'date' ? 'mid' : ''}${nowrap[i] ? ' nw' : ''}`;
  const head: ReactNode[] = [];
  if (b.groups?.length) {
    let col = 0;
    const top: ReactNode[] = [];
    const second: ReactNode[] = [];
    b.groups.forEach((g, gi) => {
      if (g.span === 1 && !g.header) top.push(<th key={gi} rowSpan={2}>{b.columns[col]!.header}</th>);
      else {
        top.push(<th key={gi} colSpan={g.span}>{g.header}</th>);
        for (let k = 0; k < g.span; k++) second.push(<th key={col + k}>{b.columns[col + k]!.header}</th>);
      }
      col += g.span;
    });
    head.push(<tr key="g1">{top}</tr>, <tr key="g2">{second}</tr>);
  } else head.push(<tr key="h">{b.columns.map((c, i) => <th key={i} className={c.header.length <= 4 ? 'nw' : ''}>{c.header}</th>)}</tr>);
  const body: ReactNode[] = [];
  b.rows.forEach((r, ri) => {
    for (const [k, text] of (captions.get(ri) ?? []).entries()) body.push(<tr key={`c${ri}-${k}`} className="pv-caption"><td colSpan={n}>{text}</td></tr>);
    body.push(<tr key={ri}>{r.map((v, i) => <td key={i} className={align(i)}>{shown(v, i)}</td>)}</tr>);
  });
  for (const [k, text] of [...captions].filter(([at]) => at >= b.rows.length).flatMap(([, t]) => t).entries()) {
    body.push(<tr key={`ce${k}`} className="pv-caption"><td colSpan={n}>{text}</td></tr>);
  }
  if (b.rows.length === 0) body.push(<tr key="empty"><td colSpan={n} className="mid pv-empty">{b.emptyText ?? '（无）'}</td></tr>);
  if (b.totals) body.push(<tr key="totals" className="pv-totals">{b.totals.map((v, i) => <td key={i} className={align(i)}>{shown(v, i)}</td>)}</tr>);
  return (
    <table className="pv-table">
      <thead>{head}</thead>
      <tbody>{body}</tbody>
    </table>
  );
}

function GridPreview({ b }: { b: GridBlock }) {
  const total = b.widths.reduce((a, w) => a + w, 0);
  return (
    <table className="pv-table pv-grid">
      <colgroup>{b.widths.map((w, i) => <col key={i} style={{ width: `${(w / total) * 100}%` }} />)}</colgroup>
      <tbody>
        {b.rows.map((row, ri) => (
          <tr key={ri} style={{ height: `${(b.heights?.[ri] ?? 1) * 1.6}em` }}>
            {row.map((c, ci) => (
              <td key={ci} colSpan={c.span} rowSpan={c.rowSpan} className={c.label ? 'pv-label' : ''}>{c.text}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BlockPreview({ b }: { b: Block }) {
  switch (b.type) {
    case 'table':
      return <TablePreview b={b} />;
    case 'grid':
      return <GridPreview b={b} />;
    case 'signatures':
      return (
        <div className="pv-signatures">
          {b.items.map((s, i) => (
            <div key={i}>
              <div className="pv-pre">{s}</div>
              {b.dated && <div className="pv-date">年　　月　　日</div>}
            </div>
          ))}
        </div>
      );
    case 'text':
      return <p className={`pv-text pv-${b.style ?? 'body'}`}>{b.text}</p>;
  }
}

function Sheet({ s, footer }: { s: Section; footer: string }) {
  return (
    <div className={`pv-sheet pv-${s.orientation}`}>
      <h2 className="pv-title">{s.title}</h2>
      {(s.unit || s.period) && (
        <div className="pv-sub">
          <span>{s.unit ? `填报单位：${s.unit}` : ''}</span>
          <span>{s.period}</span>
        </div>
      )}
      {s.blocks.map((b, i) => <BlockPreview key={i} b={b} />)}
      <div className="pv-footer">{footer}</div>
    </div>
  );
}

const SHEET_WIDTH = { portrait: 640, landscape: 905 };

/** Sheets keep A4's proportions and are scaled down to the space there is. */
function useFitZoom(widest: number): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => setZoom(Math.min(1, Math.max(0.4, (el.clientWidth - 34) / widest)));
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, [widest]);
  return [ref, zoom];
}

export function Preview({ doc, note }: { doc: RegisterDoc; note: string }) {
  const widest = Math.max(SHEET_WIDTH.portrait, ...doc.sections.map((s) => SHEET_WIDTH[s.orientation]));
  const [ref, zoom] = useFitZoom(widest);
  return (
    <div className="pv-pages" aria-label="打印预览" ref={ref} style={{ ['--pv-zoom' as string]: zoom }}>
      {doc.cover && (
        <div className="pv-sheet pv-portrait pv-cover">
          <div className="pv-cover-sub">{doc.cover.subtitle}</div>
          <div className="pv-cover-title">{doc.cover.title}</div>
          {doc.cover.lines.map((l, i) => <div key={i} className="pv-cover-line">{l}</div>)}
        </div>
      )}
      {doc.sections.map((s, i) => <Sheet key={i} s={s} footer={`${doc.title}　·　${note}`} />)}
    </div>
  );
}
