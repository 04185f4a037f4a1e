import type { Translate } from './messages';

/** A count as analytics publishes it: the number, or withheld (and why) when it could single people out. */
export interface PublishedCount {
  count: number | null;
  suppressed: boolean;
  reason?: 'fewer-than-5' | 'protects-another-cell';
}

export interface PublishedShare {
  value: number | null;
  suppressed: boolean;
}

/** A withheld count in words: "fewer than 5" when it is, "withheld" when it protects another cell. Never 0, never blank. */
export function countText(cell: PublishedCount, t: Translate, format: (n: number) => string): string {
  if (!cell.suppressed && cell.count !== null) return format(cell.count);
  return cell.reason === 'protects-another-cell' ? t('tr.withheld') : t('tr.fewerThan5');
}

export function shareText(share: PublishedShare, t: Translate, percent: (n: number) => string): string {
  if (share.suppressed) return t('tr.shareWithheld');
  return share.value === null ? t('tr.notAvailable') : percent(share.value);
}

/**
 * One breakdown as an accessible table: a caption, column headers and row headers with their scope;
 * withheld cells are marked (class `withheld`) and said in words.
 */
export function CountTable(props: {
  id: string;
  caption: string;
  keyHeading: string;
  countHeading: string;
  rows: Array<{ key: string; label: string; cell: PublishedCount }>;
  /** Withheld whole by analytics (no cells): said in words, not as "none". */
  withheld?: boolean;
  t: Translate;
  format: (n: number) => string;
}) {
  if (props.withheld)
    return (
      <p id={props.id} class="withheld">
        {props.caption}: {props.t('tr.breakdownWithheld')}
      </p>
    );
  if (props.rows.length === 0)
    return (
      <p id={props.id}>
        {props.caption}: {props.t('tr.none')}
      </p>
    );
  return (
    <div class="table-scroll">
      <table id={props.id} class="figures">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.keyHeading}</th>
            <th scope="col" class="number">
              {props.countHeading}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              <td class={`number${row.cell.suppressed ? ' withheld' : ''}`}>{countText(row.cell, props.t, props.format)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
