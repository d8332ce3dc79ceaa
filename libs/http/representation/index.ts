export { negotiate, renderBody, type Representation } from './representation';
export { toXml } from './xml';
export { RepresentationInterceptor, XmlRoot, xmlRootOf } from './representation.interceptor';
