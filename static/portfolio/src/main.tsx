import { mount } from '../../shared/mount';
import './portfolio.css';
import { App } from './App';

mount(App, 'portfolio');
