import { render } from 'preact';
import '@complaints/web-ui/base.css';
import './site.css';
import { App } from './app';

render(<App />, document.getElementById('app')!);
