import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type UserRole = 'APPLICANT' | 'CLERK' | 'WINDOW' | 'ADMIN';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ type: 'text', name: 'password_hash' })
  passwordHash!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  mobile!: string | null;

  /** Sealed like the mobile; where e-mail notifications go (none: no e-mail is sent). */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** The language of the applicant's e-mails ('zh' or 'en'). */
  @Column({ type: 'text', default: 'zh' })
  locale!: 'zh' | 'en';

  @Column({ type: 'text' })
  role!: UserRole;

  // Set for clerks only: the department whose tasks they work.
  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
