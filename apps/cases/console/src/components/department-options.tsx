import { DEPARTMENTS } from '@complaints/contracts/taxonomy';
import { useI18n } from '../i18n';

/** The `<option>`s of a department picker, named in the page language (every department unless `departments` narrows them). */
export function DepartmentOptions({ departments = DEPARTMENTS }: { departments?: readonly string[] }) {
  const { label } = useI18n();
  return (
    <>
      {departments.map((d) => (
        <option key={d} value={d}>
          {label('department', d)}
        </option>
      ))}
    </>
  );
}
