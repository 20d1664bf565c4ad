import { mount } from '../../shared/mount';
import { App } from './App';
import './issue-context.css';

mount(App, 'issue context');
