/** The services `npm start` runs, with the variable that sets each one's port. Add new apps here. */
export interface ServiceEntry {
  name: string;
  portVariable: string;
  defaultPort: number;
  /** The web site the service serves at `/`, if any. */
  site?: string;
}

export const SERVICES: ServiceEntry[] = [
  { name: 'intake-web', portVariable: 'INTAKE_WEB_PORT', defaultPort: 3001, site: 'customer site' },
  { name: 'intake-hotline', portVariable: 'INTAKE_HOTLINE_PORT', defaultPort: 3002 },
  { name: 'intake-mobile', portVariable: 'INTAKE_MOBILE_PORT', defaultPort: 3003 },
  { name: 'intake-social', portVariable: 'INTAKE_SOCIAL_PORT', defaultPort: 3004 },
  { name: 'router', portVariable: 'ROUTER_PORT', defaultPort: 3005 },
  { name: 'cases', portVariable: 'CASES_PORT', defaultPort: 3006, site: 'staff console' },
  { name: 'notifier', portVariable: 'NOTIFIER_PORT', defaultPort: 3007 },
  { name: 'analytics', portVariable: 'ANALYTICS_PORT', defaultPort: 3008 },
];

/** Where a built service's entry point is. */
export function entryPoint(distRoot: string, service: ServiceEntry): string {
  return `${distRoot}/apps/${service.name}/src/main.js`;
}
