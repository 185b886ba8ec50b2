import { PageQueryDto } from '../../common/page-query.dto';

/** GET /applications: newest first. */
export class ApplicationListQueryDto extends PageQueryDto {}
