import { mount } from '../../shared/mount';
import './project-page.css';
import { App } from './App';

mount(App, 'project page');
