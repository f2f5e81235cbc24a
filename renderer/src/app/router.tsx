import { createBrowserRouter, createHashRouter } from 'react-router';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { RootRedirect } from './RootRedirect';
import { RouteError } from './RouteError';
import { SettingsPage } from './SettingsPage';
import { StudioRoute } from './StudioRoute';

const routes = [
  {
    path: '/',
    element: <Layout />,
    // A crash in the layout itself: nothing of the shell is left to keep.
    errorElement: <RouteError />,
    children: [
      {
        // A crash in a page: shown in the main area, the sidebar keeps working.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <RootRedirect /> },
          { path: ':mode/studio', element: <StudioRoute /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

/**
 * Browser history needs the window served from an origin where `/pixel/studio` resolves to
 * index.html (a custom protocol in the app, the test server in end-to-end runs). Loaded
 * straight from a file:// URL, paths would point at the disk, so fall back to hash routes.
 */
export function createAppRouter() {
  return window.location.protocol === 'file:' ? createHashRouter(routes) : createBrowserRouter(routes);
}
