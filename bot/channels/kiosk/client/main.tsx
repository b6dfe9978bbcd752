import { render } from 'preact';
import { Kiosk } from './kiosk';
import { idleSettings } from './settings';

const root = document.getElementById('app');
if (root) render(<Kiosk idle={idleSettings(location.search)} />, root);
