import { mount } from 'svelte';
import App from './App.svelte';
import './studio.css';

mount(App, { target: document.getElementById('studio')! });
