/** In-memory versions of the intake library's ports, for the intakes' use-case tests (`@complaints/intake/testing`); not built into dist. */
export * from './in-memory-customer-response.publisher';
export * from './in-memory-received-complaint.publisher';
