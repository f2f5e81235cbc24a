import 'react';

// Lets components set CSS custom properties (`--accent`) through the style prop without a
// cast. Style props go through CSSOM, which the `style-src 'self'` CSP allows.
declare module 'react' {
  interface CSSProperties {
    [customProperty: `--${string}`]: string | number | undefined;
  }
}
