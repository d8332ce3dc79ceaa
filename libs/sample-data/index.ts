export { SampleDataModule } from './sample-data.module';
export { DEMO_ACCOUNT, type DatasetResult, type DemoAccountResult, SampleDataService } from './sample-data.service';
export {
  DEFAULT_SAMPLE,
  generateSample,
  mulberry32,
  sampleId,
  type Sample,
  type SampleOptions,
} from './sample-generator';
