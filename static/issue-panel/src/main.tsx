import { mount } from '../../shared/mount';
import { App } from './App';
import './issue-panel.css';

mount(App, 'issue panel');
