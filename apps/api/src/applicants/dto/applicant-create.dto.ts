import { PickType } from '@nestjs/swagger';
import { UserRegisterDto } from '../../auth/dto/user-register.dto';

/** POST /window/applicants: the window opens an account for a walk-in applicant (name and mobile by self-registration's rules). */
export class ApplicantCreateDto extends PickType(UserRegisterDto, ['name', 'mobile'] as const) {}
