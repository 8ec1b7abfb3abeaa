"""Simulated sessions played through the real engine and log: demo data, rehearsal, load tests."""
