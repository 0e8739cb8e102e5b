import { Route, Routes } from 'react-router';
import { CompaniesPage } from '../features/companies/CompaniesPage';
import { ContactDetailPage } from '../features/contacts/ContactDetailPage';
import { ContactEditPage } from '../features/contacts/ContactEditPage';
import { ContactNewPage } from '../features/contacts/ContactNewPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { TrashPage } from '../features/contacts/TrashPage';
import { HomePage } from '../features/placeholders/HomePage';
import { NotFoundPage } from '../features/placeholders/NotFoundPage';
import { PlaceholderPage } from '../features/placeholders/PlaceholderPage';
import { CompanyDetailPage } from '../features/companies/CompanyDetailPage';
import { CompanyEditPage } from '../features/companies/CompanyEditPage';
import { CompanyNewPage } from '../features/companies/CompanyNewPage';
import { DuplicatesPage } from '../features/duplicates/DuplicatesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TrashPage as AllTrashPage } from '../features/trash/TrashPage';
import { Shell } from './Shell';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<HomePage />} />
        <Route path="contacts" element={<ContactsPage />} />
        <Route path="contacts/new" element={<ContactNewPage />} />
        <Route path="contacts/trash" element={<TrashPage />} />
        <Route path="contacts/:id" element={<ContactDetailPage />} />
        <Route path="contacts/:id/edit" element={<ContactEditPage />} />
        <Route path="companies" element={<CompaniesPage />} />
        <Route path="deals" element={<PlaceholderPage section="deals" />} />
        <Route path="activities" element={<PlaceholderPage section="activities" />} />
        <Route path="reports" element={<PlaceholderPage section="reports" />} />
        <Route path="companies/new" element={<CompanyNewPage />} />
        <Route path="companies/:id" element={<CompanyDetailPage />} />
        <Route path="companies/:id/edit" element={<CompanyEditPage />} />
        <Route path="duplicates" element={<DuplicatesPage />} />
        <Route path="trash" element={<AllTrashPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="settings/:tab" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
