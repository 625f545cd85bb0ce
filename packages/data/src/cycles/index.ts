export * from './audit-trail';
export * from './consultations-repo';
export * from './cycle-records-repo';
export * from './cycles-repo';
export * from './long-term-plans-repo';
