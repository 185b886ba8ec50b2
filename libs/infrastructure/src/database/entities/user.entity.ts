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

  @Column({ type: 'text' })
  role!: UserRole;

  // Set for clerks only: the department whose tasks they work.
  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
