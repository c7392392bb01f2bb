/* SPDX-License-Identifier: MIT */
/* Exercises System V and POSIX IPC syscalls for the strace differential test. */
#include <fcntl.h>
#include <mqueue.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct { long type; char text[8]; } msg = { 1, "hi" };
	struct sembuf op = { 0, 1, 0 };
	int shm, sem, q;
	void *p;
	mqd_t mq;

	shm = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	p = shmat(shm, NULL, SHM_RDONLY);
	shmdt(p);
	shmctl(shm, IPC_RMID, NULL);
	sem = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	semop(sem, &op, 1);
	semctl(sem, 0, IPC_RMID);
	q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	msgsnd(q, &msg, 3, 0);
	msgrcv(q, &msg, sizeof(msg.text), 0, IPC_NOWAIT);
	msgctl(q, IPC_RMID, NULL);
	mq = mq_open("/rn_fam_ipc", O_RDWR | O_CREAT, 0600, NULL);
	mq_send(mq, "x", 1, 0);
	mq_unlink("/rn_fam_ipc");
	syscall(SYS_close, mq);
	return 0;
}
