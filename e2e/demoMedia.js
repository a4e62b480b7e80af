'use strict';
/**
 * Media the fake NanoGPT serves in demo mode (`npm run demo`), worth looking at and listening to: a coloured PNG and
 * a short two-note chime as WAV, both generated here, and the same chime as MP3.
 */
const zlib = require('node:zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(buffer) {
	let crc = 0xffffffff;
	for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A width x height RGB PNG: a sunset gradient with a sun and hills, so an image preview visibly shows something. */
function samplePng(width = 512, height = 512) {
	const rows = [];
	for (let y = 0; y < height; y++) {
		const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
		for (let x = 0; x < width; x++) {
			const t = y / height;
			let rgb = [Math.round(255 - 90 * t), Math.round(120 + 60 * t), Math.round(90 + 150 * t)];
			const sun = Math.hypot(x - width * 0.68, y - height * 0.38) < width * 0.12;
			if (sun) rgb = [255, 214, 92];
			const hill = y > height * (0.7 + 0.08 * Math.sin((x / width) * Math.PI * 3));
			if (hill) rgb = [46, Math.round(125 + 40 * (x / width)), 80];
			row[1 + x * 3] = rgb[0];
			row[2 + x * 3] = rgb[1];
			row[3 + x * 3] = rgb[2];
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type RGB
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

/** 16-bit mono PCM samples of a two-note chime (E5 then A5), with a soft fade in and out per note. */
function chimeSamples(sampleRate = 22050) {
	const notes = [
		[659.25, 0.35],
		[880, 0.5],
	];
	const samples = [];
	for (const [frequency, seconds] of notes) {
		const count = Math.round(sampleRate * seconds);
		for (let i = 0; i < count; i++) {
			const envelope = Math.min(1, i / (sampleRate * 0.01)) * Math.exp((-3 * i) / count);
			samples.push(Math.round(0.5 * 32767 * envelope * Math.sin((2 * Math.PI * frequency * i) / sampleRate)));
		}
	}
	return { samples, sampleRate };
}

/** The chime as a WAV file (RIFF, PCM 16-bit mono). */
function chimeWav() {
	const { samples, sampleRate } = chimeSamples();
	const data = Buffer.alloc(samples.length * 2);
	samples.forEach((sample, index) => data.writeInt16LE(sample, index * 2));
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'latin1');
	header.writeUInt32LE(36 + data.length, 4);
	header.write('WAVEfmt ', 8, 'latin1');
	header.writeUInt32LE(16, 16); // fmt chunk size
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(sampleRate, 24);
	header.writeUInt32LE(sampleRate * 2, 28); // byte rate
	header.writeUInt16LE(2, 32); // block align
	header.writeUInt16LE(16, 34); // bits per sample
	header.write('data', 36, 'latin1');
	header.writeUInt32LE(data.length, 40);
	return Buffer.concat([header, data]);
}

/**
 * The same chime as MP3 (32 kbps mono, 22.05 kHz), encoded once with LAME 3.100 from chimeWav():
 * `lame -m m -b 32 --resample 22.05 chime.wav chime.mp3` (no MP3 encoder here, and the package has no dependencies).
 */
const CHIME_MP3_BASE64 =
	'//NAxAASkJ5QEVpgARwzzr08rhty2du+1hHgwAgyRo0CY1So0xwIGmndns2HmqG6PFYIEgzCgy7bL3/AgIhMMDA8WLFi9evDw8PA' +
	'AAAAEZ+Yf7v/BGHj1RBEWquDCf9YElAYEYARgHD/80LEEBfg2lghnvAAG+jARAxMJkHMwKBlREEQZVFMhhMB7GlGTcZeQXKFhdc0' +
	'zSQTBrAuDACDTVJaMAcC9Dg8kDwOuV1Y9//Yq52IjLalX///7h/0oBDWUnIlcSX///yT2Vc6TBhkA0P/80DEDBbYeiAB33gAAZQE' +
	'gwCsBcMAnA8TBwga8waANZMUqNHj5vkbsyncgAMaJB0jBEQBgwSgFvMEKAoTAZgBUwDUBWMA7AEGHnWA2i0nvXp/////6Pt/7P//' +
	'/QqkAAAaWSOSQf/f/v/zQsQLE1B2Pl7XuoDYk78shSkFRIUNAFyYrwYCoo4WpANX16kxTKU6JH4yiDExFBIweAMHAkhSv6ETFU97' +
	'Yp6/r/s3+3/T0f9/o//eU/rq///7jxrIYyniCiMyoQNNJzfkQ99vMHGAnv/zQMQZEUB6IADf8oQxdsXaOynG4jE0ghEwhEJCMCMA' +
	'7TAQQHY3vzNgABpeZscHvLInf//////9yP/9fhDbTF/IcgqFTBguMRlMyAjDOMHMDSCdDCQ0WUytU7eMI+AnjENgC8wRsAaM//NC' +
	'xC8TCHogAOf0hAgAAs4IAIgixpGFa7pySr//1f/02/++j//////3Vf///ckbC0pK4iCSIrFlAalzjgUwTcCmMRAKpzibAdY9jco8' +
	'Cd0zNMQxeGMwxDIwWBkwFAZCS7UZfqWnv/////NAxD4SUHocAN/6gGv////6e1H///q6Ff///OGGvvYtsEBRiJCZMfGjt5v2YYH2' +
	'DtmF6F+xpdRe2dVhQdekSZXA4BiTFg8HgTSAXu1yGJWc7vZ/f7P7v/Z/76v//Sj+n0fU///9VYn/80LETxJ4dhwA3/qAOSsVMYvC' +
	'YMEZQubeQYEoCAmEplOBqWYqKbeJudhpgZbD2Yoh0YTA2YHgQBgBTqis1Gabnp/3+j//q/+zYrr9rqLnV6CAAELbbbLRr6ZwCNv4' +
	'w8GAAxOeT1acD8j/80DEYRH4fhwA1/qAQR/6QHGl/13Vdb93rv3Urr3VDrOr/u//T6P+2qpxRC3+///2Wv0ypQ0hAEA8dUAzCYEo' +
	'jRiDTpndQzYZNmoc+F+ZQiUYiA+YPgUBgVL5LVkVDKrLP4r7////3P/zQsR0DjBaZl4XMGbei3p6d7szVXV//6d3WhWAAOJfr//d' +
	'SVzEXWIWjMUEM6XOAyMJMHcyABgD8cPzPWogGqUhGg4EUPl8tiksosXzPQnbT72anVfut/3efQn7P/V2/+n0Kv/X/3C/Lf/zQMSX' +
	'ElB6GADXuoB0VHEGxAKBKEwlAwEw4zAkc+MtNYUyiZT4JGM1BUxSAAcGS/S1XmkFSrl3/9Gnr85+9X/rTr9DrBb2N9H///lq8AAA' +
	'U2t11tHf//1vv/UhyJsjAQBxEwnKo7FH//NCxKgRiHYdate4gAARIA0EhIAF2S23TvW+33/X+y/yzWeu3/rz/29Hu///R9EERsJM' +
	'C2W3a33cTBIAD9ZU2OrDr07MpXGpIYlICjXKAVkDQxSXCAWBgMYSFYGQaIAp7jIQEBwHhfEF//NAxL0RYHoYANe4gJOOVI9PHBFP' +
	'T243Haj7XrMPUOcv6/9vCJO9TO1IrNbWWMvywt1LGnSa9DbhO88L7b53XebpLFJScllj5ZJ3RjU27OURh2r//////z8N95vv59zz' +
	'jN6UxmpKZbP/80LE0g84ZkZfXRgAUpvSqrc/8vPp88REQ4Kh0WKq/KmpqbtWMxmNWo6ylUpgA4A4EAB5gEAECYGsA2mBgAvZgsQG' +
	'2YDsC8GLhlsRoJMAYf6QcBmadEwJiawLmYEiCeG0CmaNoh4OJGf/80DE8SmaKo5fmOAAFZAoTJhONPVaampqbolDQlDU3Z5hKPT2' +
	'trsk/9X/u/v/+uvUj/RV//sQEMvACAEDBYIAw2IAMTD0DJJ8A1JZTCt0mY+JQLrMEvArDAWADkFADSAkwkEMEATAZ//zQsSlHAim' +
	'HAHf4AAJgL8bR/k/T1//+ln+u63/Z/TdqYqt/1eQEPiAEEDuDDYiMSEEyGhDTF5MKFNID6NAyEwR0C8MBQAQTABQAJAKYAWAAAIA' +
	'NMADAoEojPZ6NSv1f//09jdiP/136P/zQMSQEhiCHACv9sDs9HYizXtq+/SmC1UxZEwWCDDYkMREUx6jDRmNMJLGrD7lg1MwQcDI' +
	'MBGARwKAEIDQEAPAYAVMAFApFvc0ery+r96/+XsZ088Lf6HaPcp8lQqjWuSV/Sm/f9IA//NCxKITUIIYAJc+oLXkHQEBjBoWMJDE' +
	'xKajLU7MGNC9Tuzgq8wLMCeMAmANxGADJmhAAcGAAoBAeoU70Vv+jD/Q//67t33///0M02ei/1eq/v65SuMmCWiMDhAwUKTC5eMg' +
	'RswSke1O//NAxLAUAIYUAD8+hJsAnUwIcCOMAWAMSUAEUJEgAoSAAQKA1Bz//0N9+z5H/f//+zp/p67qrmfor/+JcZMEtEYHCBgY' +
	'VmETEYykpgeZfWdQ4FHmA5gSxgBgBqOABCTAsAHCwACAQGr/80LEuxHwghgALz6EnE8j8tc3/7Cqt5NdV3dZM1X/W6zL1dHY+h23' +
	'os10PltqnmsBXWTBLRGBQgYEFpgszGJJeYFqfgnUtBU5gLoE4YAEAciAAMGgAAaAEhYAFAIDY9glkttPXKtxbdL/80DEzxEAfhgA' +
	'Bz5MxCrJalyaLfjTP7ghZS9TbmRbYjPf5xDjDLi9hNcQNNlpbxnmVyXaMAgoCCUwCWDB0NMBbQ+TlNgmMwDcCKCwBiFAApAwmACk' +
	'LQKAtOZvpXbtY12pH10vAGPlg//zQsTmE3CCFAAXPoQbwoojqbs30IXpnD9yVpRHKS7f77IuAmJV1kxB4An9G39K8aebVdRboQCI' +
	'jNAtYgU15NkSBoTACwFYqADYgAAFYFEVuhcA0fIuXYlTIi5kOV1U5XYTUbS3PUMSpP/zQMT0FniCEAAvPoS7cix7tqhX1/Va7qai' +
	'1y5f/pQiVmtX6REKZKj8CQQQD4qmFTxMAqUAzgRAi8EgPgjALQIAFF6CYAHTYBICUpw4oh7mvcRueaWq6x4vToJMLuPi8j0LdCOp' +
	'lcmL//NCxPUV+IIQwBc+hBNSTEqoqg5SlNyqx3amTNkUoPKm0deQAjFqV67bDSdtVNguACguWEAK6JgLidSbfcD4hYBsBoBKBAAh' +
	'AYiWoQFQDxTgbc/F5ESVLiiyggO6yMKuXFKULFYFBJ2O//NAxPcUsIIY6hb+hOKX9i68y0WiNnFSr9j4doaV6YJOx4SiqoQFMkiN' +
	'SItqTt6wZAUOCI4bGA2pgPSYCbAUDamAFALgBAHwIACIaJBrcC4BgpwRbIU3iqk6xKE4Mdxa5qi77hWVzGT/80LE/xd4ggwAFv6E' +
	'L1oVYs4wz7Mw9RJkgu1oecprTTmy0DpFI7USWLXQAMzEJsljfqjkz9LSKgEYNAHiYM2+5/qCQmAUBsCQCy/i6F/uYKgKNmod6Lc2' +
	'ttD0Mpa3GWqfi5Agw+UWKXj/80DE/RdYgg1IFv6Eq/cQ7vIJa/96lby9d597WUvYoGMaJM+91+X9121+WNiB3MUuEIESjoETjJ/M' +
	'wRBzrN14CRTARgIIwBcAxMAMAEgMAECQAWkABQEAoAAfzt3RUnop/VLZuEiVFP/zQsT6F+iCDUgO/oQSrmeYQqczu7mWWCeuan93' +
	'aVewwVj8BZ+SNshzbNnIpQ4mz4K/C05mU0yPIV79Ql5XB+hOPqNWdnAD93JooVI6JYWcRe4APbiX+ZzueWs71qVNjR0CsZgbOmm1' +
	'gP/zQMT2FUCCFWoOvIQ6mAAAQnOziHIvOKLSZRp4wXLk3MqIZ+k/aBDARF0dmRL2u3jpe74zcdcfU6pL2MplX+xiEnX3JHzQ8mmV' +
	'cxURwTaSAlME/LIGZkh+FDRk9pgWSIKZwQCPmAWA//NCxPwiMyn8AN/GxRsYAOAGllFBFrtMFQBBTxkAF7xIWsqDxgxJBd9BsMkl' +
	'G2iJUwKmVDVqUlZiXFVsP1zCiwss04itigA5qa+5wrE7CCTwsF+TcwsVSueVpQRDL983zf//7/2ALEZK//NAxM8VkIIlnA58hGAa' +
	'AuYFwEggAZMDMJsxdSKzGprXOHAbwx7BIAcEYYDgBgAMgweIFzHswuTo3CyXoemwtXVvnvdTj/WigeRzm6727q7Pbr1VSm2+xq3L' +
	'EMACSuFC6enW0GaZS7P/80LE0xoQggigDr6ENQ4BwHfcFMZBILgaMxYGMQqAAOwMfuYDWYTC6IsA5Z1zQAIFgUAghom0TiKSQW6Y' +
	'aYGWxZgnYhxXLqO2MQWWPkhxEDhmtEy/kQIeZEkThfLqTooqf/zYnDA6fPn/80DExhawhhVLXsAAcTNVqU6K///PmikTcHEA4HNq' +
	'v/LixgLBwLhwI///wIDoEWI0jSUV2FOoaqUSLaQlgG8GqL0SEJCqxJQkJYV0TouTk2ioVNFQCgZMiIARkLAkTWhQs0qhQ4siav/z' +
	'QsTGIzIGUAGYqADVG4gqIYFHYguIqEd78TYX//TYqkxBTUUzLjEwMKqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq' +
	'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqv/zQMSVExjZqAHPSAGqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq' +
	'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq';

function chimeMp3() {
	return Buffer.from(CHIME_MP3_BASE64, 'base64');
}

module.exports = { samplePng, chimeWav, chimeMp3, crc32 };
