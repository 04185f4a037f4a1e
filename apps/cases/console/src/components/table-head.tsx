/** A table's header row: one column header per (already translated) title; `false` leaves a column out. */
export function TableHead({ columns }: { columns: Array<string | false> }) {
  return (
    <thead>
      <tr>
        {columns
          .filter((c): c is string => c !== false)
          .map((title, i) => (
            <th scope="col" key={i}>
              {title}
            </th>
          ))}
      </tr>
    </thead>
  );
}
