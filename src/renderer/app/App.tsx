import { BrowserRouter } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { Providers } from './Providers';
import { AppRoutes } from './routes';
import { UnlockGate } from '../features/security/UnlockGate';

export function App() {
  return (
    <Providers>
      <ErrorBoundary>
        <UnlockGate>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </UnlockGate>
      </ErrorBoundary>
    </Providers>
  );
}
