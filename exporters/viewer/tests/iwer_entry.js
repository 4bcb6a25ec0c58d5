// Test-only: exposes iwer + the synthetic environment module as globals.
import { XRDevice, metaQuest3 } from 'iwer';
import { SyntheticEnvironmentModule } from '@iwer/sem';
window.VitrineIWER = { XRDevice, metaQuest3, SyntheticEnvironmentModule };
