// Linux's epoll interface, which the Glibc module does not export, for
// QMPReactor's epoll thread (Sources/QMPReactor/EPollReactor.swift).
// Empty on other systems, where QMPReactor uses Dispatch sources.
#ifndef CEPOLL_H
#define CEPOLL_H
#ifdef __linux__
#include <sys/epoll.h>
#endif
#endif
