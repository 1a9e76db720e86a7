export { createContact, deleteContact, updateContact } from './change-contact';
export { contactCountFact } from './contact-count-fact';
export { contactRoutes } from './routes';
export { contacts } from './schema';
export * from './schemas';
