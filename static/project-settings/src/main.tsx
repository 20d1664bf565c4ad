import { mount } from '../../shared/mount';
import { App } from './App';
import './settings.css';

mount(App, 'project settings');
