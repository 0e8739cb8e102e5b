import { Route, Routes } from 'react-router';
import { ContactDetailPage } from '../features/contacts/ContactDetailPage';
import { ContactEditPage } from '../features/contacts/ContactEditPage';
import { ContactNewPage } from '../features/contacts/ContactNewPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { TrashPage } from '../features/contacts/TrashPage';
import { HomePage } from '../features/placeholders/HomePage';
import { NotFoundPage } from '../features/placeholders/NotFoundPage';
import { PlaceholderPage } from '../features/placeholders/PlaceholderPage';
import { SettingsPage } from '../features/placeholders/SettingsPage';
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
        <Route path="companies" element={<PlaceholderPage section="companies" />} />
        <Route path="deals" element={<PlaceholderPage section="deals" />} />
        <Route path="activities" element={<PlaceholderPage section="activities" />} />
        <Route path="reports" element={<PlaceholderPage section="reports" />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
