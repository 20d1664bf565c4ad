import { mount } from '../../shared/mount';
import { App } from './App';
import './planner.css';

mount(App, 'sprint planner');
