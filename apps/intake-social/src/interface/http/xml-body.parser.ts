import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export const XML_CONTENT_TYPES = ['text/xml', 'application/xml'];

/**
 * WeChat pushes XML: the service takes `text/xml` and `application/xml` bodies as plain strings
 * (parsed, with DTDs refused, by the WeChat controller). The shared HTTP app otherwise takes JSON only.
 */
@Injectable()
export class XmlBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const type of XML_CONTENT_TYPES) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(type, { parseAs: 'string' }, (_request, body, done) => done(null, body));
    }
  }
}
