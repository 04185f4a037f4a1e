import { render } from 'preact';
import '@complaints/web-ui/base.css';
import './console.css';
import { App } from './app';

render(<App />, document.getElementById('app')!);
