// The designer's bundle entry: bpmn-js modeler with the properties panel for Camunda 7 attributes, the Camunda 7
// behaviours, token simulation, bpmnlint with the engine's rules
// (engine-lint.js) and the differ. The properties panel ships as ES modules only, so the Web project's
// build bundles this file with esbuild (package.json "build:designer") into wwwroot/lib/designer/designer.js,
// which sets window.ProcessDesigner. No eval, no inline script: the CSP holds.
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import { diff } from 'bpmn-js-differ';
import EnginePaletteModule from './engine-palette';
import LintModule from 'bpmn-js-bpmnlint';
import { engineLint } from './engine-lint';
import { formsModdle } from './forms-moddle';

window.ProcessDesigner = {
  Modeler,
  NavigatedViewer,
  diff,
  camundaModdle,
  formsModdle,
  engineLint,
  modelerModules: [
    BpmnPropertiesPanelModule,
    BpmnPropertiesProviderModule,
    CamundaPlatformPropertiesProviderModule,
    CamundaBehaviorsModule,
    TokenSimulationModule,
    EnginePaletteModule,
    LintModule,
  ],
};
