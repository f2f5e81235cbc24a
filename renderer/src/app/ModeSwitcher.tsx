import { NavLink } from 'react-router';
import { MODE_IDS, MODES } from '../../../shared/modes';
import { Icon } from '../components/Icon';
import { prefetchStudio } from '../stores';
import { ariaKeyShortcuts, isMacPlatform, shortcutLabel } from './shortcuts';

const MAC = isMacPlatform(navigator.userAgent);

/**
 * The five studios. Each link's accessible name is exactly the mode's name; the tagline
 * is its description, and the shortcut is announced through `aria-keyshortcuts`.
 */
export function ModeSwitcher() {
  return (
    <nav aria-label="Modes" className="mode-nav">
      <ul className="mode-list">
        {MODE_IDS.map((id) => {
          const mode = MODES[id];
          const key = String(mode.shortcutDigit);
          return (
            <li key={id}>
              <NavLink
                to={mode.studioPath}
                className="mode-link"
                aria-label={mode.name}
                aria-describedby={`mode-tagline-${id}`}
                aria-keyshortcuts={ariaKeyShortcuts(key)}
                style={{ '--mode-accent': mode.accent }}
                data-mode={id}
                onClick={() => prefetchStudio(id)}
              >
                <span className="mode-dot" aria-hidden="true" />
                <span className="mode-text">
                  <span className="mode-name">{mode.name}</span>
                  <span className="mode-tagline" id={`mode-tagline-${id}`}>
                    {mode.tagline}
                  </span>
                </span>
                <kbd className="kbd" aria-hidden="true">
                  {shortcutLabel(key, MAC)}
                </kbd>
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function SettingsLink() {
  return (
    <NavLink to="/settings" className="nav-link" aria-keyshortcuts={ariaKeyShortcuts(',')}>
      <span className="nav-link-label">
        <Icon name="settings" />
        Settings
      </span>
      <kbd className="kbd" aria-hidden="true">
        {shortcutLabel(',', MAC)}
      </kbd>
    </NavLink>
  );
}
