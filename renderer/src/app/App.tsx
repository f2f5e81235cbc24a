import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createAppRouter } from './router';

export function App() {
  // One router for the app's lifetime (created lazily so tests and the bridge check run first).
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
